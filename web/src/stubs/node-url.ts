// Stand-in for node:url in the report page (see node-fs.ts).
function unavailable(): never {
  throw new Error('wspl report: no file URLs in the page');
}
export const fileURLToPath = unavailable;
export const pathToFileURL = unavailable;
export default { fileURLToPath, pathToFileURL };
