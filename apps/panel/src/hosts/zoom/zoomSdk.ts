// Its own module, imported only inside Zoom, so the SDK is a chunk browsers and Teams never load.
export { default as zoomSdk } from '@zoom/appssdk';
