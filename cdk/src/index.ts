export {
  StreamingEndpoint,
  StreamingTransport,
  ALL_STREAMING_TRANSPORTS,
  type StreamingEndpointProps,
} from './streaming-endpoint.js';
export { DirectoryAccess, accessEndpointConfig, type AccessEndpointSetting } from './directory-access.js';
export {
  WorkspacesDirectoryRegistration,
  type WorkspacesDirectoryRegistrationProps,
} from './directory-registration.js';
export { InstanceState, type InstanceStateProps } from './instance-state.js';
export { RESOURCE_TYPE } from './provider.js';
export { WSPL_RULE, type WsplRuleId } from './rule-ids.js';
export { cloudFormationOffersDirectory, DIRECTORY_OFFERED, DIRECTORY_NOT_OFFERED } from './directory-regions.js';
export { WsplValidationPlugin, type WsplChecksOptions } from './checks/plugin.js';
export { WsplChecks } from './checks/aspect.js';
