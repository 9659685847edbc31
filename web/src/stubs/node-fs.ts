// Stand-in for node:fs in the report page: the engine's file readers are never called there (the model comes
// embedded in the page), and if one were, it should fail loudly rather than pretend.
function unavailable(): never {
  throw new Error('wspl report: no file system in the page');
}
export const readFileSync = unavailable;
export const existsSync = unavailable;
export const openSync = unavailable;
export const readSync = unavailable;
export const closeSync = unavailable;
export const statSync = unavailable;
export default { readFileSync, existsSync, openSync, readSync, closeSync, statSync };
