// Development and tests only: the batch worker run from its TypeScript source. Worker threads do not
// inherit the main thread's loader, so tsx is registered here before the worker module is imported.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');
export default worker.default;
