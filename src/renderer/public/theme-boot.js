// Sets the theme before the first paint, so a light-mode user never sees a dark flash while the
// app bundle loads. A classic (blocking) script from our origin: the CSP (script-src 'self')
// forbids inline scripts. src/renderer/src/theme/theme-store.ts takes over once the app runs;
// both read the key 'hookscope.theme' ('light' | 'dark'; absent means follow the system).
(function () {
  var choice = null;
  try {
    choice = window.localStorage.getItem('hookscope.theme');
  } catch (_error) {
    // Storage disabled: follow the system.
  }
  var theme =
    choice === 'light' || choice === 'dark' ? choice : window.matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
  document.documentElement.setAttribute('data-theme', theme);
})();
