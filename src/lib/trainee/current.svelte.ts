/** Which trainee is using this PC right now (remembered on this device, no password). */
import { getStore, type ProfileRow } from '$lib/storage';

const KEY = 'fraud-drill.profile';

class CurrentTrainee {
	profile = $state<ProfileRow | null>(null);
	ready = $state(false);

	async load() {
		const id = localStorage.getItem(KEY);
		this.profile = id ? ((await (await getStore()).getProfile(id)) ?? null) : null;
		this.ready = true;
	}

	select(profile: ProfileRow | null) {
		this.profile = profile;
		if (profile) localStorage.setItem(KEY, profile.id);
		else localStorage.removeItem(KEY);
	}
}

export const current = new CurrentTrainee();
