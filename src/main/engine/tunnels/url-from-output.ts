/**
 * What a tunnel binary's own output says about its public URL and its local API. cloudflared
 * prints a box on stderr: "Your quick Tunnel has been created! Visit it at ..." and, on the next
 * line, "https://<name>.trycloudflare.com". ngrok with `--log stdout --log-format logfmt` writes records like:
 * `msg="starting web service" obj=web addr=127.0.0.1:4040` and
 * `msg="started tunnel" obj=tunnels name=... addr=http://localhost:4700 url=https://...`.
 */
export class OutputReader {
  private boxOpen = false;
  publicUrl: string | null = null;
  apiAddress: string | null = null;

  read(line: string): void {
    if (/quick tunnel has been created/i.test(line)) {
      this.boxOpen = true;
      return;
    }
    // Only the line after the box's title: a failed start names https://api.trycloudflare.com too.
    if (this.boxOpen) {
      const url = /https?:\/\/[^\s|"]+/i.exec(line)?.[0];
      if (url) {
        this.publicUrl ??= url;
        this.boxOpen = false;
      }
    }
    if (/msg="?starting web service/.test(line)) this.apiAddress ??= /\baddr=([^\s"]+)/.exec(line)?.[1] ?? null;
    if (/msg="?started tunnel/.test(line)) {
      const url = /\burl=(https?:\/\/[^\s"]+)/.exec(line)?.[1];
      if (url) this.publicUrl ??= url;
    }
  }
}
