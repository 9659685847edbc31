// Stand-in for node:path in the report page (see node-fs.ts).
function unavailable(): never {
  throw new Error('wspl report: no file paths in the page');
}
export const join = unavailable;
export const dirname = unavailable;
export const relative = unavailable;
export const resolve = unavailable;
export default { join, dirname, relative, resolve };
