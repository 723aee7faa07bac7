import type { ManagedTunnelProvider, TunnelInstallHelp } from '../../../shared/api';

const DOWNLOADS: Record<ManagedTunnelProvider, string> = {
  cloudflared: 'https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/downloads/',
  ngrok: 'https://ngrok.com/download',
};

const COMMANDS: Record<ManagedTunnelProvider, Partial<Record<string, string>>> = {
  cloudflared: { darwin: 'brew install cloudflared', win32: 'winget install --id Cloudflare.cloudflared' },
  ngrok: { darwin: 'brew install ngrok', win32: 'winget install ngrok -s msstore' },
};

export const BINARY_ENV: Record<ManagedTunnelProvider, string> = { cloudflared: 'HOOKSCOPE_CLOUDFLARED', ngrok: 'HOOKSCOPE_NGROK' };

/** How to install a tunnel's binary on this OS (the 424 `tunnel_unavailable` answer). */
export function installHelp(provider: ManagedTunnelProvider, platform: string = process.platform): TunnelInstallHelp {
  return { provider, platform, command: COMMANDS[provider][platform] ?? null, url: DOWNLOADS[provider], env_var: BINARY_ENV[provider] };
}

export function installMessage(help: TunnelInstallHelp, envValue: string | undefined): string {
  const where = envValue
    ? `${help.env_var} names ${JSON.stringify(envValue)}, which is not an executable file (an absolute path is needed).`
    : `No "${help.provider}" was found on PATH.`;
  const how = help.command
    ? `Install it with \`${help.command}\` (or download it from ${help.url})`
    : `Install it with your distribution's package (e.g. the ${help.provider} .deb/.rpm) or download it from ${help.url}`;
  return `${where} ${how}, then try again; or set ${help.env_var} to its full path.`;
}
