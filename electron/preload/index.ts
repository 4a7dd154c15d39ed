import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName } from '../../shared/ipc/bridge';
import { createBridge } from './bridge';

// The whole preload: one frozen, typed bridge on `window.kvikdesk`, nothing else.
contextBridge.exposeInMainWorld(bridgeGlobalName, Object.freeze(createBridge(ipcRenderer)));
