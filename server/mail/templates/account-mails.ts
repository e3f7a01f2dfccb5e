// The account's own mails (direct, transactional: no unsubscribe link, only why they came): a password
// reset link, an address to confirm, someone signing up with an address that has an account, and the
// notices that a password or an address changed. Each to one address; the links are app paths the
// layout prefixes with APP_ORIGIN.
import type { DirectMailData } from "../direct-mail.schema.js";
import { messagesFor, type Locale } from "./i18n.js";
import { renderLayout, type RenderedMail } from "./layout.js";

export type AccountMailContext = { locale: Locale; origin: string; formatDateTime: (iso: string) => string };

export const messages = {
  en: {
    greeting: ({ name }: { name: string }) => `Hello ${name},`,
    notYou: "If this was not you, you can ignore this e-mail: nothing changes until the link is used.",
    reset: {
      subject: "Reset your Jointly password",
      heading: "Reset your password",
      body: "Someone (we hope you) asked to reset the password of your Jointly account. The link works once.",
      expires: ({ expires }: { expires: string }) => `It works until ${expires}. Choosing a new password signs you out everywhere else.`,
      action: "Choose a new password",
      why: "You get this because a password reset was asked for this e-mail address on Jointly.",
    },
    verify: {
      subject: "Confirm your e-mail address for Jointly",
      heading: "Confirm your e-mail address",
      body: "Please confirm that this is your e-mail address, so Jointly can send you the news of your partnerships.",
      bodyChange: "You asked to use this e-mail address for your Jointly account. It takes the place of the old one once you confirm it.",
      expires: ({ expires }: { expires: string }) => `The link works until ${expires}.`,
      action: "Confirm this address",
      why: "You get this because this e-mail address was entered for a Jointly account.",
    },
    signUpAttempt: {
      subject: "Someone tried to create a Jointly account with your address",
      heading: "There is already an account for this address",
      body: "Someone tried to create a new Jointly account with this e-mail address. It already has an account: yours.",
      ifYou: "If it was you, sign in instead. If you forgot your password, you can reset it.",
      ifNot: "If it was not you, nothing changed: no account was created and your account is as it was.",
      action: "Sign in",
      reset: ({ url }: { url: string }) => `Reset your password: ${url}`,
      why: "You get this because your e-mail address was entered on Jointly's sign-up page.",
    },
    passwordChanged: {
      subject: "Your Jointly password was changed",
      heading: "Your password was changed",
      reset: "The password of your Jointly account was reset with a link sent to this address, and every other session was signed out.",
      changed: "The password of your Jointly account was changed from your profile, and every other session was signed out.",
      ifNot: "If this was not you, reset your password now: it signs out whoever changed it.",
      action: "Reset my password",
      why: "You get this because the password of the Jointly account of this e-mail address changed.",
    },
    emailChanged: {
      subject: "Your Jointly e-mail address was changed",
      heading: "Your e-mail address was changed",
      body: ({ email }: { email: string }) => `Your Jointly account now uses ${email}. Mail for the account goes there from now on.`,
      ifNot: "If this was not you, reset your password from this page and tell a co-chair of your partnership.",
      action: "Reset my password",
      why: "You get this because this was the e-mail address of a Jointly account.",
    },
  },
  es: {
    greeting: ({ name }: { name: string }) => `Hola, ${name}:`,
    notYou: "Si no fue usted, puede ignorar este correo: nada cambia hasta que se use el enlace.",
    reset: {
      subject: "Restablezca su contraseña de Jointly",
      heading: "Restablezca su contraseña",
      body: "Alguien (esperamos que usted) pidió restablecer la contraseña de su cuenta de Jointly. El enlace funciona una sola vez.",
      expires: ({ expires }: { expires: string }) => `Funciona hasta el ${expires}. Al elegir una nueva contraseña se cerrará su sesión en todos los demás dispositivos.`,
      action: "Elegir una nueva contraseña",
      why: "Recibe este correo porque se pidió restablecer la contraseña de esta dirección en Jointly.",
    },
    verify: {
      subject: "Confirme su dirección de correo electrónico para Jointly",
      heading: "Confirme su dirección de correo electrónico",
      body: "Confirme que esta es su dirección de correo electrónico, para que Jointly pueda enviarle las novedades de sus alianzas.",
      bodyChange: "Pidió usar esta dirección de correo electrónico para su cuenta de Jointly. Reemplazará a la anterior en cuanto la confirme.",
      expires: ({ expires }: { expires: string }) => `El enlace funciona hasta el ${expires}.`,
      action: "Confirmar esta dirección",
      why: "Recibe este correo porque esta dirección se escribió para una cuenta de Jointly.",
    },
    signUpAttempt: {
      subject: "Alguien intentó crear una cuenta de Jointly con su dirección",
      heading: "Ya existe una cuenta con esta dirección",
      body: "Alguien intentó crear una nueva cuenta de Jointly con esta dirección de correo electrónico. Ya tiene una cuenta: la suya.",
      ifYou: "Si fue usted, inicie sesión. Si olvidó su contraseña, puede restablecerla.",
      ifNot: "Si no fue usted, nada cambió: no se creó ninguna cuenta y la suya sigue igual.",
      action: "Iniciar sesión",
      reset: ({ url }: { url: string }) => `Restablecer su contraseña: ${url}`,
      why: "Recibe este correo porque su dirección se escribió en la página de registro de Jointly.",
    },
    passwordChanged: {
      subject: "Se cambió su contraseña de Jointly",
      heading: "Se cambió su contraseña",
      reset: "La contraseña de su cuenta de Jointly se restableció con un enlace enviado a esta dirección, y se cerraron todas las demás sesiones.",
      changed: "La contraseña de su cuenta de Jointly se cambió desde su perfil, y se cerraron todas las demás sesiones.",
      ifNot: "Si no fue usted, restablezca su contraseña ahora: así se cierra la sesión de quien la cambió.",
      action: "Restablecer mi contraseña",
      why: "Recibe este correo porque cambió la contraseña de la cuenta de Jointly de esta dirección.",
    },
    emailChanged: {
      subject: "Se cambió su dirección de correo de Jointly",
      heading: "Se cambió su dirección de correo electrónico",
      body: ({ email }: { email: string }) => `Su cuenta de Jointly ahora usa ${email}. A partir de ahora, el correo de la cuenta llega allí.`,
      ifNot: "Si no fue usted, restablezca su contraseña desde esta página y avise a un copresidente o copresidenta de su alianza.",
      action: "Restablecer mi contraseña",
      why: "Recibe este correo porque esta era la dirección de una cuenta de Jointly.",
    },
  },
};

export function renderPasswordResetMail(data: DirectMailData<"passwordReset">, ctx: AccountMailContext): RenderedMail {
  const m = messagesFor(messages, ctx.locale);
  return renderLayout({
    locale: ctx.locale,
    subject: m.reset.subject,
    context: null,
    heading: m.reset.heading,
    blocks: [{ text: m.greeting({ name: data.name }) }, { text: m.reset.body }, { text: m.reset.expires({ expires: ctx.formatDateTime(data.expiresAt) }) }, { text: m.notYou }],
    action: { label: m.reset.action, url: `${ctx.origin}${data.path}` },
    footer: { why: m.reset.why },
  });
}

export function renderEmailVerificationMail(data: DirectMailData<"emailVerification">, ctx: AccountMailContext): RenderedMail {
  const m = messagesFor(messages, ctx.locale);
  return renderLayout({
    locale: ctx.locale,
    subject: m.verify.subject,
    context: null,
    heading: m.verify.heading,
    blocks: [
      { text: m.greeting({ name: data.name }) },
      { text: data.isChange ? m.verify.bodyChange : m.verify.body },
      { text: m.verify.expires({ expires: ctx.formatDateTime(data.expiresAt) }) },
      { text: m.notYou },
    ],
    action: { label: m.verify.action, url: `${ctx.origin}${data.path}` },
    footer: { why: m.verify.why },
  });
}

export function renderSignUpAttemptMail(data: DirectMailData<"signUpAttempt">, ctx: AccountMailContext): RenderedMail {
  const m = messagesFor(messages, ctx.locale);
  return renderLayout({
    locale: ctx.locale,
    subject: m.signUpAttempt.subject,
    context: null,
    heading: m.signUpAttempt.heading,
    blocks: [
      { text: m.greeting({ name: data.name }) },
      { text: m.signUpAttempt.body },
      { text: m.signUpAttempt.ifYou },
      { text: m.signUpAttempt.reset({ url: `${ctx.origin}${data.resetPath}` }) },
      { text: m.signUpAttempt.ifNot },
    ],
    action: { label: m.signUpAttempt.action, url: `${ctx.origin}${data.signInPath}` },
    footer: { why: m.signUpAttempt.why },
  });
}

export function renderPasswordChangedMail(data: DirectMailData<"passwordChanged">, ctx: AccountMailContext): RenderedMail {
  const m = messagesFor(messages, ctx.locale);
  return renderLayout({
    locale: ctx.locale,
    subject: m.passwordChanged.subject,
    context: null,
    heading: m.passwordChanged.heading,
    blocks: [{ text: m.greeting({ name: data.name }) }, { text: data.how === "reset" ? m.passwordChanged.reset : m.passwordChanged.changed }, { text: m.passwordChanged.ifNot }],
    action: { label: m.passwordChanged.action, url: `${ctx.origin}${data.resetPath}` },
    footer: { why: m.passwordChanged.why },
  });
}

export function renderEmailChangedMail(data: DirectMailData<"emailChanged">, ctx: AccountMailContext): RenderedMail {
  const m = messagesFor(messages, ctx.locale);
  return renderLayout({
    locale: ctx.locale,
    subject: m.emailChanged.subject,
    context: null,
    heading: m.emailChanged.heading,
    blocks: [{ text: m.greeting({ name: data.name }) }, { text: m.emailChanged.body({ email: data.newEmail }) }, { text: m.emailChanged.ifNot }],
    action: { label: m.emailChanged.action, url: `${ctx.origin}${data.resetPath}` },
    footer: { why: m.emailChanged.why },
  });
}
