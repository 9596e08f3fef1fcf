// Before the end-to-end suites: n8n provisioned (first run: minutes, with progress lines) and the
// current build packed like a release (`npm run build` ran before jest in `npm test`).
import { packPackage } from '../../scripts/n8n/package';
import { provisionN8n } from '../../scripts/n8n/provision';

export default async function globalSetup(): Promise<void> {
	await provisionN8n();
	packPackage();
}
