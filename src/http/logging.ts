import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Where secrets sit in what the service logs: the request's credentials, the session cookie the
 * response sets, and any password, token or session field of a logged object (an error carries
 * the raw body it failed to parse). They are written as « [redacted] », whatever the level.
 */
export const REDACTED = {
  paths: [
    'req.headers.cookie',
    'req.headers.authorization',
    'req.headers["proxy-authorization"]',
    'req.headers["x-csrf-token"]',
    'res.headers["set-cookie"]',
    'err.body',
    ...['password', 'passwordHash', 'token', 'session', 'csrfToken'].flatMap((key) => [key, `*.${key}`]),
  ],
  censor: '[redacted]',
};

/** The service's logger: JSON lines (stdout unless told), secrets redacted. */
export function serviceLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: REDACTED }, destination);
}

/** The same redaction over a logger made elsewhere, so the app never writes a secret whatever it is given. */
export function redacting(logger: Logger): Logger {
  return logger.child({}, { redact: REDACTED });
}
