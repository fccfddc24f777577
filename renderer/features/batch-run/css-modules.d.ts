/** Vite bundles plain CSS imports; TypeScript needs to know the side-effect import is a module. */
declare module '*.css';
