// Vite's `?raw` imports (a file's text), as the workerd tests use them for fixtures.
declare module "*?raw" {
  const text: string;
  export default text;
}
