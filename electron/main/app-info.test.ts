import { describe, expect, it } from 'vitest';
import { appInfoSchema } from '../../shared/ipc/contract';
import { appInfo, appInfoHandlers } from './app-info';

const app = { getName: () => 'Kvikdesk', getVersion: () => '0.1.0' };

describe('appInfo', () => {
  it('names the app, its version, the OS and the Electron version', () => {
    const info = appInfo(app, 'win32', { node: '24.14.0', electron: '41.7.1' });
    expect(info).toEqual({ name: 'Kvikdesk', version: '0.1.0', platform: 'win32', electron: '41.7.1' });
    expect(appInfoSchema.parse(info)).toEqual(info);
  });

  it('leaves electron out when not running under Electron', () => {
    expect(appInfo(app, 'linux', { node: '20.20.2' })).toEqual({ name: 'Kvikdesk', version: '0.1.0', platform: 'linux' });
  });

  it('answers app:info', async () => {
    expect(await appInfoHandlers(app, 'linux', { electron: '41.7.1' })['app:info'](undefined, null)).toMatchObject({ electron: '41.7.1' });
  });
});
