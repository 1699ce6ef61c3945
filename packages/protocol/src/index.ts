/** The agent↔planner wire protocol: message schemas, the codec, its error codes and the status snapshot. */
export {
  Ack, Collect, Config, Envelope, ErrorPayload, Finding, Heartbeat, Hello, MAX_ERROR_MESSAGE, Observation,
  PROTOCOL_VERSION, Report, payloads
} from './messages';
export type { MessageType, Payload } from './messages';
export { MAX_PROTOCOL_MESSAGE, ProtocolError, ProtocolErrorCode, decode, encode, envelope } from './codec';
export { PROTOCOL_CODES } from './codes';
export type { ProtocolCode } from './codes';
export { ItemStatus, StatusEntry, StatusSnapshot, itemStatusValues } from './status';
export { describeValue, truncateUtf8 } from './text';
