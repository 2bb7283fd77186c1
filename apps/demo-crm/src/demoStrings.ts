/** The demo page's own labels (the console's come from `@c2d-console/react`). */
export const demoStrings = {
  en: {
    crm: 'Acme CRM',
    sandbox: 'Sandbox',
    live: 'Live',
    language: 'Language',
    layout: 'View',
    layoutFull: 'Full page',
    layoutPanel: 'Side panel, 360 px',
    sections: 'Sections',
    leads: 'Leads',
    inbox: 'Inbox',
    console: 'Chat2Desk console',
    clients: 'Clients',
    dialogs: 'Dialogs',
    pickClient: 'Pick a client to see their card and Chat2Desk dialog.',
    pickDialog: 'Pick a dialog to see its client, the conversation and what to do with it.',
    dialogWithoutClient: 'This dialog has no client to show.',
    openLead: 'Open as a lead',
    dialog: 'Chat2Desk dialog',
    history: 'Client history',
    transfers: 'Transfers',
    messages: 'Messages',
  },
  ru: {
    crm: 'Acme CRM',
    sandbox: 'Песочница',
    live: 'Боевой',
    language: 'Язык',
    layout: 'Вид',
    layoutFull: 'Вся страница',
    layoutPanel: 'Боковая панель, 360 px',
    sections: 'Разделы',
    leads: 'Лиды',
    inbox: 'Входящие',
    console: 'Консоль Chat2Desk',
    clients: 'Клиенты',
    dialogs: 'Диалоги',
    pickClient: 'Выберите клиента, чтобы увидеть карточку и диалог Chat2Desk.',
    pickDialog: 'Выберите диалог, чтобы увидеть клиента, переписку и действия с диалогом.',
    dialogWithoutClient: 'У этого диалога нет клиента.',
    openLead: 'Открыть как лида',
    dialog: 'Диалог Chat2Desk',
    history: 'История клиента',
    transfers: 'Передачи',
    messages: 'Сообщения',
  },
} as const;

/** The languages the demo speaks, by name. */
export type DemoLanguage = keyof typeof demoStrings;

/** The demo's labels in one language. */
export type DemoStrings = (typeof demoStrings)[DemoLanguage];
