/** Per-shell UI state: the list filter. Navigation itself lives in the URL. */
export class ShellState {
  query = $state('');

  clear() {
    this.query = '';
  }
}
