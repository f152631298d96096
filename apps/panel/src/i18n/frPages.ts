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
    facilitatorName: 'Votre nom (animateur)',
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
      'Zoom n’a pas envoyé l’invitation. En invité (sans Cercle ajouté à votre compte Zoom), on ne peut pas inviter : demandez à l’hôte, ou ajoutez Cercle.',
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
        'Collaborer est lancé : Zoom propose à chaque participant de rejoindre la séance, avec son rôle.',
      end: 'Terminer Collaborer pour tout le monde',
      ended: 'Collaborer est terminé : chacun garde Cercle dans son panneau.',
      offer:
        'L’animateur a lancé Collaborer : rejoignez-le pour suivre la séance ensemble, chacun avec son rôle.',
      join: 'Rejoindre Collaborer',
      inside:
        'Vous êtes dans Collaborer : tout le monde voit la même séance, chacun avec son rôle.',
      leave: 'Quitter Collaborer',
      guest:
        'En invité (sans Cercle ajouté à votre compte Zoom), Zoom ne permet pas Collaborer : ajoutez Cercle, ou suivez le partage d’écran de l’animateur.',
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
        `Cercle · ${group} : ouvrez la séance dans cette réunion, ${url} (ou Applications → Cercle). Chacun y retrouve son rôle.`,
      summaryMessage: (group: string, url: string) =>
        `Cercle · ${group} : la séance est terminée. Chacun retrouve sa propre synthèse dans Cercle, ${url}, puis « Exporter ma synthèse » : elle ne contient que ce que vous pouvez lire.`,
    },
    cueFailed:
      'Zoom n’a pas affiché la notification de Cercle pendant que le panneau était caché (mode Ne pas déranger ?).',
    balance: {
      title: 'Équilibre de parole',
      toggle: 'Mesurer l’équilibre de parole (visible uniquement par vous)',
      stop: 'Arrêter l’équilibre de parole',
      scope:
        'Zoom n’indique qui parle qu’à l’hôte et aux co-hôtes, jamais aux invités. Cercle ne compte que la part de chaque rôle pendant l’étape en cours, sur cet appareil, et l’oublie à l’arrêt. Les participants en sont prévenus dans la discussion.',
      announceOn: (group: string) =>
        `Cercle · ${group} : l’animateur mesure l’équilibre de parole, c’est-à-dire la part du temps de parole de chaque rôle à chaque étape. Visible par lui seul, rien n’est enregistré.`,
      announceOff: (group: string) => `Cercle · ${group} : l’équilibre de parole est arrêté.`,
      notHost:
        'Zoom n’indique qui parle qu’à l’hôte et aux co-hôtes : demandez à l’hôte de vous nommer co-hôte.',
      guest: 'En invité (sans Cercle ajouté à votre compte Zoom), Zoom n’indique pas qui parle.',
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
    guest:
      'Vous participez à la réunion en tant qu’invité : entrez votre nom pour rejoindre la séance.',
    ssoFailed:
      'Teams n’a pas pu confirmer qui vous êtes : entrez votre nom pour rejoindre la séance.',
    otherMeeting: 'Cet onglet appartient à une autre réunion : ajoutez Cercle à celle-ci.',
    noMeeting: 'Teams n’indique aucune réunion : ajoutez Cercle depuis une réunion Teams.',
    alreadySetUp:
      'Cercle est déjà installé pour cette réunion : ouvrez son onglet Cercle depuis la réunion.',
    existing: 'Cet onglet mène déjà à une séance Cercle : enregistrez pour la garder.',
    keptOnServer: 'Votre compte Microsoft vous garde le rôle d’animateur sur tous vos appareils.',
    keptOnDevice:
      'Sans connexion Microsoft, votre rôle d’animateur reste dans ce navigateur : ouvrez le panneau de la réunion ici, avec les données du site autorisées.',
    shareInMeeting: 'Partager dans une réunion Teams',
    shareInMeetingOpened:
      'Teams s’ouvre dans un nouvel onglet : choisissez la réunion, la séance s’affiche sur son écran partagé.',
    shareInMeetingFailed:
      'Le lien de partage n’a pas pu être préparé (ou votre navigateur a bloqué le nouvel onglet). Réessayez.',
  },
  content: {
    visibility: {
      label: 'Visible par',
      me: 'moi uniquement',
      client: 'le client',
      group: 'le groupe',
    },
    save: 'Enregistrer',
    saved: 'Enregistré',
    ethics: {
      title: 'La charte du groupe',
      intro: 'Avant de commencer, chacun lit la charte du groupe et l’accepte.',
      accept: 'J’accepte la charte',
      accepted: 'Vous avez accepté la charte.',
      pending: 'Pas encore acceptée par',
      everyone: 'Tout le monde a accepté la charte.',
    },
    inclusion: {
      title: 'Jeu d’inclusion',
      launch: 'Lancer le jeu des cartes',
      intro: 'Choisissez la carte qui dit comment vous arrivez, puis dites pourquoi.',
      waiting: 'L’animateur n’a pas encore lancé le jeu.',
      picks: 'Les cartes du groupe',
      nobody: 'Personne n’a encore choisi.',
    },
    previous: {
      title: 'Plan d’action de la séance précédente',
      none: 'Pas de séance précédente dans ce groupe : rien à reprendre.',
      hidden: 'Le client a gardé son plan pour lui.',
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
      notYetClient: 'n’a pas encore été client dans ce cycle',
      inAdvance:
        'Avant la séance : proposez votre sujet. L’animateur et le groupe le voient ; il sera choisi à l’étape du choix du sujet.',
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
      none: 'Le client n’a pas encore écrit son contrat.',
    },
    suggestions: {
      title: 'Tableau du client',
      post: 'Ajouter',
      placeholder: 'Une suggestion, une idée, une expérience…',
      reminder:
        'Écoutez sans débattre : vous triez sans répondre. Votre tri reste à vous ; vous pourrez le partager à la synthèse.',
      sorts: { keep: 'Je garde', explore: 'À explorer', drop: 'J’écarte' },
      none: 'Aucune suggestion pour l’instant.',
      forClient: 'pour le client seulement',
    },
    clientSort: {
      title: 'Mon tri des suggestions',
      readOnly: 'Ce que le client retient',
      private: 'Votre tri n’est visible que par vous.',
      shared: 'Votre tri est partagé avec le groupe.',
      share: 'Partager mon tri avec le groupe',
      unshare: 'Garder mon tri pour moi',
      notShared: 'Le client n’a pas partagé son tri.',
      none: 'Aucune suggestion triée.',
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
        sunny: 'Ensoleillé',
        partlySunny: 'Éclaircies',
        cloudy: 'Nuageux',
        rainy: 'Pluvieux',
        stormy: 'Orageux',
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
      stagesRespected: 'Respect des étapes',
      clientListening: 'Écoute du client (sans débattre)',
      kindness: 'Bienveillance',
      timeKept: 'Respect du temps',
      shareStageNotes: 'Partager mes notes par étape avec le groupe',
      unshareStageNotes: 'Ne plus partager mes notes par étape',
      marks: ['Rarement', 'Parfois', 'Souvent', 'Toujours'],
      comment: 'Commentaire',
      shareNotes: 'Partager mes notes avec le groupe',
      unshareNotes: 'Ne plus partager mes notes',
      sharedNotes: (name: string) => `Notes partagées par ${name}`,
    },
    questions: {
      title: 'Questions de clarification',
      none: 'Aucune question notée pour l’instant.',
      ask: 'Ma question',
      submit: 'Noter ma question',
      hint: 'Des questions factuelles pour comprendre, pas des conseils.',
      flag: 'Conseil déguisé',
      flagged: 'signalée comme conseil déguisé',
      flagOf: (name: string) => `Signaler la question de ${name} comme conseil déguisé`,
    },
    clientNote: {
      title: 'Mes notes pendant la consultation',
      text: 'Ce que j’entends, ce que je veux garder',
      privacy: 'Vous seul lisez ces notes : écoutez sans débattre, notez pour vous.',
    },
    stageNotes: {
      title: 'Mes observations par étape',
      add: 'Noter',
      text: 'Ce que j’observe à cette étape',
      none: 'Aucune observation pour l’instant.',
      privacy: 'Privées jusqu’à ce que vous choisissiez de les partager à la fin.',
      sharedBy: (name: string) => `Observations par étape de ${name}`,
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
  arrivals: {
    welcome: (name: string) => `Bienvenue, ${name}`,
    whereWeAre: (n: number, total: number, title: string) =>
      `La séance a commencé : le groupe en est à l’étape ${n} sur ${total}, ${title}.`,
    theCase: (title: string, client: string) =>
      client
        ? `Sujet du jour : « ${title} », apporté par ${client}.`
        : `Sujet du jour : « ${title} ».`,
    now: 'À vous maintenant :',
    confidential: 'Ce qui se dit dans le groupe reste dans le groupe.',
    understood: 'J’ai compris',
    arrived: (names: string) =>
      `Arrivé en cours de séance : ${names}. Accueillez-les et rappelez où en est le groupe.`,
    done: 'C’est fait',
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
    calendar: 'Ajouter les séances prévues à mon agenda (.ics)',
    calendarFailed: 'Le fichier d’agenda n’a pas pu être préparé. Réessayez.',
    rotation: 'Tour des clients',
    rotationHelp:
      'Sur un cycle, chacun apporte un sujet à son tour. Qui a déjà été client, et qui pourrait l’être ensuite.',
    member: 'Membre',
    attended: 'Séances suivies',
    timesClient: 'Fois client',
    since: 'Depuis la séance',
    sinceSession: (n: number) => `${n}`,
    suggested: (names: string) => `Pourraient être client à la prochaine séance : ${names}.`,
    everyoneClient: 'Chacun a déjà été client dans ce cycle.',
    tooMany: (n: number) =>
      `${n} personnes participent à la dernière séance. La méthode prévoit 8 participants actifs au plus : proposez à certains d’observer.`,
    trends: 'Présence et évaluation',
    attendanceChart: 'Présents par séance',
    ratingChart: 'Note moyenne par séance (sur 5)',
    noFigure: '– : séance pas encore tenue, ou note publiée à partir de 3 réponses.',
    sessionShort: (n: number) => `S${n}`,
  },
};

export type PageMessages = typeof frPages;
