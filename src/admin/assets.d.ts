/** Vite turns an imported font file into its URL in the built admin panel. */
declare module '*.woff2' {
  const url: string;
  export default url;
}
