// Sets the theme before first paint so a dark-mode user never sees a white flash. A plain script loaded
// synchronously from <head> (not inline, so the Content-Security-Policy needs no inline script).
(function () {
  var c = null;
  try {
    c = localStorage.getItem('viva:theme');
  } catch {
    // storage blocked (some private modes): follow the system
  }
  var dark = c === 'dark' || (c !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
