/**
 * Passkeys (W3C Web Authentication Level 3, FIDO2) through @simplewebauthn/server.
 *
 * Rules enforced:
 * - the relying party id is the host of PUBLIC_URL and the expected origin is PUBLIC_URL's origin: a credential made
 *   for DA06 is useless on a look-alike site (WebAuthn §13.4.9, phishing resistance);
 * - user verification (PIN or biometric on the device) is required, so a passkey is two factors in one: something
 *   you have and something you know or are (NIST SP 800-63B §5.1.9) and may sign in without a password;
 * - attestation is not requested ("none"): the platform needs the key, not the device maker (privacy);
 * - a challenge serves one ceremony and expires after five minutes (WebAuthn §13.4.3); the signature counter must
 *   grow when the authenticator keeps one (§6.1.1, cloned authenticators).
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';

export const CHALLENGE_TTL_MS = 5 * 60_000;

export interface RelyingPartyInfo {
  rpId: string;
  origin: string;
  name: string;
}

export function relyingPartyFor(publicUrl: string): RelyingPartyInfo {
  const url = new URL(publicUrl);
  return { rpId: url.hostname, origin: url.origin, name: 'DA06' };
}

export interface StoredPasskey {
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
}

export async function passkeyRegistrationOptions(
  rp: RelyingPartyInfo,
  account: { id: string; username: string; displayName: string },
  existing: StoredPasskey[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.rpId,
    userName: account.username,
    userID: new TextEncoder().encode(account.id),
    userDisplayName: account.displayName,
    attestationType: 'none',
    excludeCredentials: existing.map((key) => ({ id: key.credentialId, transports: key.transports as AuthenticatorTransport[] })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    timeout: CHALLENGE_TTL_MS,
  });
}

export interface VerifiedPasskey {
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  deviceType: string;
  backedUp: boolean;
}

export async function verifyPasskeyRegistration(rp: RelyingPartyInfo, response: RegistrationResponseJSON, expectedChallenge: string): Promise<VerifiedPasskey | undefined> {
  try {
    const result = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: rp.origin, expectedRPID: rp.rpId, requireUserVerification: true });
    if (!result.verified) return undefined;
    const { credential, credentialDeviceType, credentialBackedUp } = result.registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports ?? response.response.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
    };
  } catch {
    return undefined;
  }
}

/** Options for a login: discoverable credentials (no list), so the person picks a passkey without typing a name. */
export async function passkeyLoginOptions(rp: RelyingPartyInfo): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({ rpID: rp.rpId, userVerification: 'required', timeout: CHALLENGE_TTL_MS });
}

export async function verifyPasskeyLogin(rp: RelyingPartyInfo, response: AuthenticationResponseJSON, expectedChallenge: string, stored: StoredPasskey): Promise<{ newCounter: number } | undefined> {
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      requireUserVerification: true,
      credential: { id: stored.credentialId, publicKey: stored.publicKey as Uint8Array<ArrayBuffer>, counter: stored.counter, transports: stored.transports as AuthenticatorTransport[] },
    });
    return result.verified ? { newCounter: result.authenticationInfo.newCounter } : undefined;
  } catch {
    return undefined;
  }
}
