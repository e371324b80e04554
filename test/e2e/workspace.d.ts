/** Creates a fresh test workspace (see workspace.js) and returns its path. */
export function prepareWorkspace(root: string): string;
/** The text of workspace-pack.arnews: a made-up place of the workspace pack, then a real country. */
export const WORKSPACE_ARTICLE: string;
