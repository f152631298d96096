import { plural } from './plural.ts';

/**
 * What only pages loaded apart say (the start and cycle pages, the method's cards, the Zoom and
 * Teams set-up): fetched with them, never with the first paint.
 */
export const frPages = {
  start: {
    title: 'Créer une séance de codéveloppement',
    intro:
      'Créez la séance, puis partagez le lien des participants dans la conversation de la réunion.',
    groupName: 'Nom du groupe',
    facilitatorName: 'Votre nom (animateur·rice)',
    template: 'Déroulé',
    total: (minutes: number) => `${minutes} min prévues`,
    create: 'Créer la séance',
    creating: 'Création…',
    created: 'Séance créée',
    facilitatorLink: 'Votre lien d’animateur (personnel, ne le partagez pas)',
    participantLink: 'Lien des participants (à partager)',
    copy: 'Copier',
    copied: 'Copié',
    open: 'Ouvrir le panneau',
    retention: 'Conservation des textes',
    retentionFor: (months: number) => `${months} mois après la dernière séance`,
    retentionKeep: 'Jusqu’à ce que chacun efface les siens',
    retentionHint:
      'Passé ce délai sans nouvelle séance du groupe, tout ce qui y a été écrit est effacé. Vous pourrez le changer sur la page du cycle.',
  },
  zoom: {
    connecting: 'Connexion à Zoom…',
    setUpTitle: 'Préparer Cercle pour cette réunion',
    setUpIntro:
      'Vous animez : choisissez le groupe et le déroulé. Les participants vous rejoindront ici.',
    setUp: 'Ouvrir la séance',
    waiting:
      'L’hôte de la réunion n’a pas encore ouvert Cercle. Ce panneau se mettra à jour tout seul.',
    invite: 'Inviter tout le monde à ouvrir Cercle',
    invited: 'Invitation envoyée',
    failed: 'Cercle n’a pas pu démarrer dans Zoom. Fermez puis rouvrez l’application.',
    notInMeeting:
      'Cercle accompagne une réunion : ouvrez-le depuis le bouton Applications d’une réunion Zoom.',
    notices: 'Messages de Zoom',
    changingRoom: 'Changement de salle : Cercle rejoint la séance de votre nouvelle salle…',
    inRoom: 'Vous êtes dans une salle de sous-groupe : Cercle montre la séance de cette salle.',
    backInMeeting: 'De retour dans la réunion principale : Cercle montre de nouveau sa séance.',
    roomFailed:
      'Cercle n’a pas pu vous suivre dans votre nouvelle salle. Fermez puis rouvrez l’application.',
    inviteFailed:
      'Zoom n’a pas envoyé l’invitation. En invité·e (sans Cercle ajouté à votre compte Zoom), on ne peut pas inviter : demandez à l’hôte, ou ajoutez Cercle.',
    fileOpened: 'Zoom ouvre le fichier dans votre navigateur.',
    fileLinkFailed: 'Cercle n’a pas pu préparer ce fichier. Réessayez dans un instant.',
    fileOpenFailed: 'Zoom n’a pas ouvert votre navigateur. Réessayez dans un instant.',
    connectionLost:
      'Zoom ne répond plus à Cercle : inviter et ouvrir un fichier peuvent échouer. Fermez puis rouvrez l’application.',
    tools: 'Dans Zoom',
    groups: {
      loading: 'Recherche de vos groupes…',
      legend: 'Quel groupe se réunit ?',
      intro:
        'Les membres d’un groupe que vous avez animé retrouvent leur place en ouvrant Cercle dans cette réunion.',
      newGroup: 'Un nouveau groupe',
      usualHere: 'Habituel dans cette réunion',
      session: (n: number, total: number | null) =>
        total === null ? `Séance ${n}` : `Séance ${n} sur ${total}`,
      lastMet: (date: string) => `dernière séance le ${date}`,
      resumes: 'déjà ouverte : elle se tient dans cette réunion',
      open: (n: number) => `Ouvrir la séance ${n}`,
      failed: 'Cercle n’a pas retrouvé vos groupes : vous pouvez ouvrir un nouveau groupe.',
      refused:
        'Cercle ne peut pas reprendre ce groupe ici : choisissez-en un autre, ou un nouveau groupe.',
    },
    collaborate: {
      start: 'Lancer Collaborer : tout le monde ouvre Cercle',
      started:
        'Collaborer est lancé : Zoom propose à chaque participant·e de rejoindre la séance, avec son rôle.',
      end: 'Terminer Collaborer pour tout le monde',
      ended: 'Collaborer est terminé : chacun·e garde Cercle dans son panneau.',
      offer:
        'L’animateur·rice a lancé Collaborer : rejoignez-le pour suivre la séance ensemble, chacun·e avec son rôle.',
      join: 'Rejoindre Collaborer',
      inside:
        'Vous êtes dans Collaborer : tout le monde voit la même séance, chacun·e avec son rôle.',
      leave: 'Quitter Collaborer',
      guest:
        'En invité·e (sans Cercle ajouté à votre compte Zoom), Zoom ne permet pas Collaborer : ajoutez Cercle, ou suivez le partage d’écran de l’animateur·rice.',
      notHere: 'Zoom ne permet pas Collaborer dans une salle de sous-groupe ni dans un webinaire.',
      notEnabled:
        'Collaborer n’est pas activé pour Cercle sur la Marketplace Zoom : demandez à qui gère l’application de l’activer.',
      already: 'Collaborer est déjà en cours dans cette réunion : rejoignez-le.',
      over: 'Collaborer est déjà terminé.',
      failed: 'Zoom n’a pas répondu pour Collaborer. Réessayez dans un instant.',
    },
    chat: {
      postJoin: 'Publier le lien de la séance dans la discussion',
      postSummary: 'Publier dans la discussion où trouver sa synthèse',
      posted: 'Publié dans la discussion de la réunion.',
      linkFailed: 'Cercle n’a pas pu préparer le lien. Réessayez dans un instant.',
      inCollaborate:
        'Dans Collaborer, Zoom ne laisse pas publier dans la discussion : quittez ou terminez Collaborer d’abord.',
      failed:
        'Zoom n’a pas publié le message : la discussion de la réunion est peut-être fermée aux participants, ou votre Zoom est trop ancien (6.2.5 ou plus).',
      joinMessage: (group: string, url: string) =>
        `Cercle · ${group} : ouvrez la séance dans cette réunion, ${url} (ou Applications → Cercle). Chacun·e y retrouve son rôle.`,
      summaryMessage: (group: string, url: string) =>
        `Cercle · ${group} : la séance est terminée. Chacun·e retrouve sa propre synthèse dans Cercle, ${url}, puis « Exporter ma synthèse » : elle ne contient que ce que vous pouvez lire.`,
    },
    cueFailed:
      'Zoom n’a pas affiché la notification de Cercle pendant que le panneau était caché (mode Ne pas déranger ?).',
    balance: {
      title: 'Équilibre de parole',
      toggle: 'Mesurer l’équilibre de parole (visible par vous seul·e)',
      stop: 'Arrêter l’équilibre de parole',
      scope:
        'Zoom n’indique qui parle qu’à l’hôte et aux co-hôtes, jamais en invité·e. Cercle ne compte que la part de chaque rôle pendant l’étape en cours, sur cet appareil, et l’oublie à l’arrêt. Les participants en sont prévenus dans la discussion.',
      announceOn: (group: string) =>
        `Cercle · ${group} : l’animateur·rice mesure l’équilibre de parole, c’est-à-dire la part du temps de parole de chaque rôle à chaque étape. Visible par lui·elle seul·e, rien n’est enregistré.`,
      announceOff: (group: string) => `Cercle · ${group} : l’équilibre de parole est arrêté.`,
      notHost:
        'Zoom n’indique qui parle qu’à l’hôte et aux co-hôtes : demandez à l’hôte de vous nommer co-hôte.',
      guest: 'En invité·e (sans Cercle ajouté à votre compte Zoom), Zoom n’indique pas qui parle.',
      announceFailed:
        'L’équilibre de parole reste arrêté : Cercle n’a pas pu prévenir les participants dans la discussion.',
      nobody: 'Personne n’a encore parlé pendant cette étape.',
      unknown: 'Hors Cercle',
      stage: (title: string) => `Pendant « ${title} »`,
    },
  },
  otherDevice: {
    title: 'Ouvrir Cercle sur un autre appareil',
    intro:
      'Ce lien ouvre votre place dans la séance, avec votre rôle : gardez-le pour vous, ne le partagez pas.',
    make: 'Créer mon lien',
    label: 'Votre lien personnel',
    copy: 'Copier',
    copied: 'Copié',
    failed: 'Le lien n’a pas pu être créé. Réessayez.',
  },
  teams: {
    connecting: 'Connexion à Teams…',
    configTitle: 'Ajouter Cercle à cette réunion',
    configIntro:
      'Vous animerez la séance. Choisissez le groupe et le déroulé, puis enregistrez : les participants ouvriront Cercle depuis la réunion.',
    saveFailed: 'L’enregistrement a échoué. Réessayez.',
    noSso:
      'La connexion Microsoft n’est pas configurée pour Cercle : entrez votre nom pour rejoindre la séance.',
    shareToStage: 'Afficher sur l’écran partagé de la réunion',
    shared: 'Affiché sur l’écran partagé',
    shareFailed: 'Le partage a échoué : seuls les organisateurs et présentateurs peuvent partager.',
    shareNotAllowed:
      'Teams ne vous laisse pas partager sur l’écran de la réunion : seuls les organisateurs et présentateurs le peuvent.',
    stopSharing: 'Arrêter le partage',
    stopFailed: 'L’arrêt du partage a échoué. Réessayez.',
    stageLinkFailed: 'Le lien de l’écran partagé n’a pas pu être créé. Réessayez.',
    slow: 'Teams met du temps à répondre. Cercle attend encore…',
    guest: 'Vous participez à la réunion en invité·e : entrez votre nom pour rejoindre la séance.',
    ssoFailed:
      'Teams n’a pas pu confirmer qui vous êtes : entrez votre nom pour rejoindre la séance.',
    otherMeeting: 'Cet onglet appartient à une autre réunion : ajoutez Cercle à celle-ci.',
    noMeeting: 'Teams n’indique aucune réunion : ajoutez Cercle depuis une réunion Teams.',
    alreadySetUp:
      'Cercle est déjà installé pour cette réunion : ouvrez son onglet Cercle depuis la réunion.',
    existing: 'Cet onglet mène déjà à une séance Cercle : enregistrez pour la garder.',
    keptOnServer:
      'Votre compte Microsoft vous garde le rôle d’animateur·rice sur tous vos appareils.',
    keptOnDevice:
      'Sans connexion Microsoft, votre rôle d’animateur·rice reste dans ce navigateur : ouvrez le panneau de la réunion ici, avec les données du site autorisées.',
    shareInMeeting: 'Partager dans une réunion Teams',
    shareInMeetingOpened:
      'Teams s’ouvre dans un nouvel onglet : choisissez la réunion, la séance s’affiche sur son écran partagé.',
    shareInMeetingFailed:
      'Le lien de partage n’a pas pu être préparé (ou votre navigateur a bloqué le nouvel onglet). Réessayez.',
  },
  content: {
    visibility: {
      label: 'Visible par',
      me: 'moi seul·e',
      client: 'le·la client·e',
      group: 'le groupe',
    },
    save: 'Enregistrer',
    saved: 'Enregistré',
    inclusion: {
      title: 'Jeu d’inclusion',
      launch: 'Lancer le jeu des cartes',
      intro: 'Choisissez la carte qui dit comment vous arrivez, puis dites pourquoi.',
      waiting: 'L’animateur·rice n’a pas encore lancé le jeu.',
      picks: 'Les cartes du groupe',
      nobody: 'Personne n’a encore choisi.',
    },
    previous: {
      title: 'Plan d’action de la séance précédente',
      none: 'Pas de séance précédente dans ce groupe : rien à reprendre.',
      hidden: 'Le·la client·e a gardé son plan pour lui·elle.',
      firstStep: 'Premier pas',
      byWhen: 'Échéance',
      debriefTitle: 'Votre retour',
      tried: 'Ce que j’ai tenté',
      worked: 'Ce qui a marché',
      didNotWork: 'Ce qui n’a pas marché',
      debriefOf: (name: string) => `Le retour de ${name}`,
    },
    cases: {
      title: 'Sujets proposés',
      propose: 'Proposer un sujet',
      kind: 'Type',
      kinds: { problem: 'Problème', project: 'Projet', preoccupation: 'Préoccupation' },
      caseTitle: 'Titre',
      summary: 'En quelques lignes',
      submit: 'Proposer',
      none: 'Aucun sujet proposé pour l’instant.',
      vote: 'Voter',
      unvote: 'Retirer mon vote',
      votes: (n: number) => plural('fr', n, { one: '# voix', other: '# voix' }),
      choose: 'Choisir ce sujet',
      withdraw: 'Retirer',
      chosen: 'Sujet choisi',
      notYetClient: 'n’a pas encore été client·e dans ce cycle',
      by: (name: string) => `par ${name}`,
    },
    turns: {
      title: 'Prise de parole',
      raise: 'Lever la main',
      lower: 'Baisser la main',
      speaking: 'À la parole',
      nobody: 'Personne',
      waiting: 'Mains levées',
      noHands: 'Aucune main levée.',
      round: 'Lancer un tour de table',
      next: 'Tour suivant',
      give: 'Donner la parole',
      order: 'Ordre du tour',
    },
    contract: {
      title: 'Contrat',
      request: 'J’aimerais repartir avec…',
      help: 'Aide souhaitée',
      kinds: {
        ideas: 'Des idées',
        advice: 'Des conseils',
        experiences: 'Des expériences vécues',
        planFeedback: 'Un avis sur un plan',
        resources: 'Des ressources',
        questions: 'Des questions pour réfléchir',
      },
      none: 'Le·la client·e n’a pas encore écrit son contrat.',
    },
    suggestions: {
      title: 'Tableau du client',
      post: 'Ajouter',
      placeholder: 'Une suggestion, une idée, une expérience…',
      clientPlaceholder: 'Notez ce que vous entendez…',
      reminder: 'Écoutez sans débattre : vous triez, vous ne répondez pas.',
      sorts: { keep: 'Je garde', explore: 'À explorer', drop: 'J’écarte' },
      none: 'Aucune suggestion pour l’instant.',
      forClient: 'pour le·la client·e seulement',
    },
    plan: {
      title: 'Mon plan d’action',
      actions: 'Actions (une par ligne)',
      firstStep: 'Premier pas',
      byWhen: 'Pour quand',
      kept: 'Ce que j’ai gardé',
      readOnly: 'Le plan d’action du client',
      none: 'Pas encore de plan d’action.',
    },
    learnings: {
      title: 'Mes apprentissages',
      content: 'Sur le contenu',
      process: 'Sur le processus',
      shared: 'Apprentissages partagés',
    },
    evaluation: {
      title: 'Météo et évaluation',
      weather: 'Ma météo',
      weathers: {
        sunny: '☀️ Ensoleillé',
        partlySunny: '🌤️ Éclaircies',
        cloudy: '☁️ Nuageux',
        rainy: '🌧️ Pluvieux',
        stormy: '⛈️ Orageux',
      },
      rating: 'Ma note (1 à 5)',
      comment: 'Un mot',
      tally: 'Le groupe',
      count: (n: number) => plural('fr', n, { one: '# évaluation', other: '# évaluations' }),
      mean: (m: string) => `moyenne ${m}/5`,
    },
    observer: {
      title: 'Grille d’observation',
      listening: 'Écoute',
      questionsOverAdvice: 'Questions plutôt que conseils',
      clientFloor: 'Respect de la parole du client',
      marks: ['Rarement', 'Parfois', 'Souvent', 'Toujours'],
      comment: 'Commentaire',
      shareNotes: 'Partager mes notes avec le groupe',
      unshareNotes: 'Ne plus partager mes notes',
      sharedNotes: (name: string) => `Notes partagées par ${name}`,
    },
    end: {
      title: 'Et après',
      exportMd: 'Exporter ma synthèse (Markdown)',
      printable: 'Version imprimable',
      cycle: 'Tableau de bord du cycle',
      next: 'Ouvrir la séance suivante du groupe',
      opening: 'Ouverture…',
      nextReady: 'La séance suivante du groupe est ouverte.',
      nextDate: 'Date prévue de la séance suivante',
      cycleSessions: 'Nombre de séances du cycle',
      goNext: 'Rejoindre la séance suivante',
      myData: 'Mes données',
      exportMine: 'Exporter mes données',
      eraseMine: 'Effacer mes textes de cette séance',
      eraseConfirm: 'Confirmer l’effacement',
      failed: 'L’opération a échoué. Réessayez.',
    },
  },
  cycle: {
    title: (group: string) => `Cycle de ${group}`,
    back: 'Revenir à la séance',
    retention: 'Conservation',
    keptForever: 'Le contenu des séances est conservé sans limite.',
    keptFor: (days: number) =>
      `Le contenu d’une séance est effacé ${plural('fr', days, { one: '# jour', other: '# jours' })} après sa fin.`,
    retentionDays: 'Effacer après (jours, vide = jamais)',
    sessionOf: (n: number, total: number | null) =>
      total === null ? undefined : `Séance ${n} sur ${total}`,
    plannedFor: (d: string) => `prévue le ${d}`,
    session: (n: number) => `Séance ${n}`,
    attendance: (n: number) => plural('fr', n, { one: '# présent', other: '# présents' }),
    noPlan: 'Plan d’action non partagé ou pas encore écrit.',
    followUp: 'Suivi',
  },
};

export type PageMessages = typeof frPages;
