// WorkspaceAccessProperties.DeviceType* members and the model's device types, in one table both ways (the
// conversion reads it; the fake AWS writes it). DeviceTypeWorkSpacesThinClient has no model value yet.
import type { DeviceType } from '../../model/types.js';

export const DEVICE_TYPE_FIELDS: readonly [DeviceType, string][] = [
  ['windows', 'DeviceTypeWindows'],
  ['macos', 'DeviceTypeOsx'],
  ['linux', 'DeviceTypeLinux'],
  ['web', 'DeviceTypeWeb'],
  ['ios', 'DeviceTypeIos'],
  ['android', 'DeviceTypeAndroid'],
  ['chromeos', 'DeviceTypeChromeOs'],
  ['zeroclient', 'DeviceTypeZeroClient'],
];
