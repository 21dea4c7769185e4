// A bundled app: imports the package by name, as an application would.
import { init, version } from 'duo-selfhosted';

const out = document.getElementById('result');
try {
  await init();
  out.textContent = JSON.stringify({ version: version() });
} catch (e) {
  out.textContent = `error: ${e}`;
}
