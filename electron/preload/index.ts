import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type TremplinBridge } from '../../shared/ipc';

// Exactly one function crosses the bridge; ipcRenderer itself never does.
const bridge: TremplinBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
};

contextBridge.exposeInMainWorld('tremplin', bridge);
