/** The app version, injected from package.json at build time by electron-vite's define. */
declare const __HOOKSCOPE_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __HOOKSCOPE_VERSION__ === 'string' ? __HOOKSCOPE_VERSION__ : '0.0.0-dev';
