/**
 * Runs `run` in a task of its own once the browser has had the chance to put what is rendered
 * now on the screen: a message-channel task, which (unlike a timer) a test's fake clock does not
 * hold back.
 */
export function afterRender(run: () => unknown): void {
	const channel = new MessageChannel();
	channel.port1.onmessage = () => {
		channel.port1.close();
		run();
	};
	channel.port2.postMessage(null);
}
