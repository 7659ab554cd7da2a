/**
 * The trainer area's local PIN: keeps trainees on a shared PC out of the trainer pages. It is not
 * strong security (the data sits in this browser's storage), and the page says so.
 */
/** Where the PIN's salted hash is kept (this site's local storage); the gate names it for IT staff. */
export const PIN_KEY = 'fraud-drill.trainer-pin';
const OPEN_KEY = 'fraud-drill.trainer-open';

async function digest(pin: string, salt: string): Promise<string> {
	const bytes = new TextEncoder().encode(`${salt}:${pin}`);
	const hash = await crypto.subtle.digest('SHA-256', bytes);
	return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

class TrainerGate {
	open = $state(false);
	hasPin = $state(false);

	init() {
		this.hasPin = !!localStorage.getItem(PIN_KEY);
		this.open = this.hasPin && sessionStorage.getItem(OPEN_KEY) === '1';
	}

	async setPin(pin: string) {
		if (!/^\d{4,8}$/.test(pin)) throw new Error('pin');
		const salt = crypto.randomUUID();
		localStorage.setItem(PIN_KEY, JSON.stringify({ salt, hash: await digest(pin, salt) }));
		this.hasPin = true;
		this.unlockNow();
	}

	async unlock(pin: string): Promise<boolean> {
		const stored = JSON.parse(localStorage.getItem(PIN_KEY) ?? 'null') as { salt: string; hash: string } | null;
		if (!stored || (await digest(pin, stored.salt)) !== stored.hash) return false;
		this.unlockNow();
		return true;
	}

	lock() {
		sessionStorage.removeItem(OPEN_KEY);
		this.open = false;
	}

	private unlockNow() {
		sessionStorage.setItem(OPEN_KEY, '1');
		this.open = true;
	}
}

export const gate = new TrainerGate();
