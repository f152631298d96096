export const ACCENT_COLOR = '#2F6F6A';
export const TEAMS_COLOR_ICON_PX = 192;
export const TEAMS_OUTLINE_ICON_PX = 32;
