/*
 * FunctionFile named in manifest.xml. Office loads this page for ribbon commands
 * that run code (ExecuteFunction). The only button today opens the task pane
 * (ShowTaskpane), so the table is empty; an ExecuteFunction added to the manifest
 * needs its handler registered here under the same FunctionName.
 */

export type CommandHandler = (event: Office.AddinCommands.Event) => void;

export const commandHandlers: Record<string, CommandHandler> = {};

Office.onReady().then(() => {
  for (const [name, handler] of Object.entries(commandHandlers)) {
    Office.actions.associate(name, handler);
  }
});
