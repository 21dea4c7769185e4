// The live form: every value goes through the package (no rule lives here).
import { init, version } from 'duo-selfhosted';

await init();
document.getElementById('version').textContent = version();
document.getElementById('status').textContent = 'ready';
