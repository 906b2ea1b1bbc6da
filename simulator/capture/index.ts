/** A session as a pcapng capture Wireshark opens. The site's entry point. */
export { capturePcapng, type CaptureInput } from './pcapng.ts';
export { captureFileName, sessionCapture } from './session-capture.ts';
export { liveCapture, liveCaptureFileName } from './live-capture.ts';
