/**
 * The `?url` import in decode.ts's browser branch: Vite copies the file into the build and
 * resolves to its URL. Declared here because shared/ is type-checked without Vite's client types.
 */
declare module 'zxing-wasm/reader/zxing_reader.wasm?url' {
  const url: string;
  export default url;
}
