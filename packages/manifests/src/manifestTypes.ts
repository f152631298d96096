/** The parts of Zoom's Marketplace JSON manifest that Cercle fills. */
export interface ZoomAppManifest {
  readonly display_information: {
    readonly display_name: string;
    readonly description: string;
    readonly long_description: string;
  };
  readonly oauth_information: {
    readonly usage: string;
    readonly development_redirect_uri: string;
    readonly production_redirect_uri: string;
    readonly oauth_allow_list: readonly string[];
    readonly scopes: readonly { readonly scope: string; readonly optional: boolean }[];
  };
  readonly features: {
    readonly products: readonly string[];
    readonly development_home_uri: string;
    readonly production_home_uri: string;
    readonly domain_allow_list: readonly {
      readonly domain: string;
      readonly explanation: string;
    }[];
    readonly in_client_feature: {
      readonly zoom_app_api: {
        readonly enable: boolean;
        readonly zoom_app_apis: readonly string[];
      };
      readonly guest_mode: { readonly enable: boolean };
      readonly in_client_oauth: { readonly enable: boolean };
      readonly collaborate_mode: {
        readonly enable: boolean;
        readonly enable_screen_sharing: boolean;
        readonly enable_play_together: boolean;
        readonly enable_start_immediately: boolean;
        readonly enable_join_immediately: boolean;
      };
    };
    readonly zoom_client_support: Readonly<Record<string, unknown>>;
    readonly embed: Readonly<Record<string, unknown>>;
  };
}

/** The parts of the Teams app manifest that Cercle fills (the schema has many more). */
export interface TeamsAppManifest {
  readonly $schema: string;
  readonly manifestVersion: string;
  readonly version: string;
  readonly id: string;
  readonly localizationInfo?: {
    readonly defaultLanguageTag: string;
    readonly defaultLanguageFile?: string;
    readonly additionalLanguages?: readonly {
      readonly languageTag: string;
      readonly file: string;
    }[];
  };
  readonly developer: Readonly<
    Record<'name' | 'websiteUrl' | 'privacyUrl' | 'termsOfUseUrl', string>
  >;
  readonly name: { readonly short: string; readonly full?: string };
  readonly description: { readonly short: string; readonly full: string };
  readonly icons: { readonly color: string; readonly outline: string };
  readonly accentColor: string;
  readonly configurableTabs: readonly {
    readonly configurationUrl: string;
    readonly canUpdateConfiguration: boolean;
    readonly scopes: readonly string[];
    readonly context: readonly string[];
  }[];
  readonly meetingExtensionDefinition?: { readonly supportsAnonymousGuestUsers?: boolean };
  readonly validDomains: readonly string[];
  readonly webApplicationInfo?: { readonly id: string; readonly resource: string };
  readonly authorization: {
    readonly permissions: {
      readonly resourceSpecific: readonly { readonly name: string; readonly type: string }[];
    };
  };
}
