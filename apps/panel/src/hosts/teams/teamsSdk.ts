// Named imports keep the Teams library small, and this module makes it a chunk loaded only in Teams.
export { app, authentication, meeting, pages } from '@microsoft/teams-js';
