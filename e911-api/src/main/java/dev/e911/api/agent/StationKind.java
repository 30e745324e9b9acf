package dev.e911.api.agent;

/** The kind of phone an agent uses. */
public enum StationKind {
  /** A browser softphone (Genesys Cloud WebRTC phone in the browser). */
  WEBRTC,
  /** The desktop app's softphone. */
  DESKTOP_APP,
  /** A desk phone (SIP hard phone) at a fixed place. */
  HARD_PHONE
}
