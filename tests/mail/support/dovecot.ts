import { ChildProcess, spawn } from "child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import net from "net";
import os from "os";
import path from "path";

export const DOVECOT = "/usr/sbin/dovecot";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface Dovecot {
  port: number;
  /** Implicit TLS (IMAPS), when started with a certificate. */
  tlsPort?: number;
  user: string;
  pass: string;
  stop(): Promise<void>;
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, "127.0.0.1", () => (c.end(), resolve(true)));
      c.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`dovecot did not listen on ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Debian's Dovecot on 127.0.0.1 with its own config in `dir`: plaintext login on
 * loopback without TLS, one passwd-file user, maildir under `dir`. Runs in the
 * foreground (-F) as a child of the test, so stopping it is ending that child.
 * `dir` must be a fresh folder of its own (it is opened to other users).
 * With `tls`, it also listens for IMAPS, offers STARTTLS on the plain port and takes
 * no password before TLS.
 */
export async function startDovecot(dir: string, tls?: { certFile: string; keyFile: string }): Promise<Dovecot> {
  const port = await freePort();
  const tlsPort = tls ? await freePort() : 0;
  const me = os.userInfo();
  const root = me.uid === 0;
  const runUser = root ? "nobody" : me.username;
  const ids = root ? "uid=nobody gid=nogroup" : `uid=${me.uid} gid=${me.gid}`;
  for (const d of ["run", "mail"]) mkdirSync(path.join(dir, d), { recursive: true });
  // Dovecot's auth and mail processes run as an unprivileged user and must reach these files.
  chmodSync(dir, 0o755);
  chmodSync(path.join(dir, "mail"), 0o777);
  writeFileSync(path.join(dir, "users"), "coord:{PLAIN}collect-secret::::::\n");
  const conf = `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/run
instance_name = test-${port}
${tls ? `ssl = required
ssl_cert = <${tls.certFile}
ssl_key = <${tls.keyFile}
disable_plaintext_auth = yes` : `ssl = no
disable_plaintext_auth = no`}
auth_mechanisms = plain login
log_path = ${dir}/dovecot.log
default_login_user = ${runUser}
default_internal_user = ${runUser}
default_internal_group = ${root ? "nogroup" : me.username}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tlsPort}
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/users
}
userdb {
  driver = static
  args = ${ids} home=${dir}/mail/%u
}
mail_location = maildir:${dir}/mail/%u/Maildir
`;
  const confFile = path.join(dir, "dovecot.conf");
  writeFileSync(confFile, conf);
  const child: ChildProcess = spawn(DOVECOT, ["-F", "-c", confFile], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  try {
    await waitForPort(port, 15_000);
    if (tls) await waitForPort(tlsPort, 15_000);
  } catch (e) {
    child.kill("SIGTERM");
    const logFile = path.join(dir, "dovecot.log");
    throw new Error(`${(e as Error).message}\n${existsSync(logFile) ? readFileSync(logFile, "utf8") : "(no log)"}`);
  }
  return {
    port,
    ...(tls ? { tlsPort } : {}),
    user: "coord",
    pass: "collect-secret",
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
