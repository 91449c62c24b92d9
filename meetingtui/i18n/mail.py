"""Catalog: sending the referat by email (`meetingtui send`, the closing screen).

The `mail.subject` ... `mail.regards` texts make up the message itself and are always taken
in Danish (meetingtui.mail.message); their English entries serve the catalog's key check.
"""

DA: dict[str, str] = {
    # the message
    "mail.subject": "Referat: {body} {date}",
    "mail.subject_draft": "Udkast – {subject}",
    "mail.when": "{weekday} den {date} kl. {time}",
    "mail.greeting": "Kære {name}",
    "mail.intro": "Hermed referatet af mødet i {body} {when}.",
    "mail.draft_note": "Det er et udkast: mødet er endnu ikke afsluttet, og referatet kan ændre sig.",
    "mail.public_note": "Det er den offentlige udgave; lukkede punkter står kun som »Lukket punkt«.",
    "mail.internal_note": (
        "Det er den interne udgave med de lukkede punkter; den må ikke videregives."
    ),
    "mail.attachment_note": "Referatet er vedhæftet som Word-dokument: {filename}",
    "mail.regards": "Med venlig hilsen",
    # settings
    "mail.config.missing": (
        "{file} har ingen [smtp]-tabel; angiv host, port, security, username og sender "
        "(se README, »Referatet til medlemmerne«)."
    ),
    "mail.config.password_in_file": (
        "{file}: [smtp] må ikke indeholde password; sæt adgangskoden i miljøvariablen {env}."
    ),
    "mail.config.unknown_key": "{file}: [smtp] har en ukendt nøgle: {name}.",
    "mail.config.bad_value": "{file}: [smtp] {name} = {value!r} er ikke gyldig.",
    "mail.config.login_in_clear": (
        '{file}: [smtp] security = "none" med username ville sende adgangskoden ukrypteret; '
        'brug "starttls" eller "ssl".'
    ),
    "mail.config.no_password": (
        "Adgangskoden til SMTP-brugeren {username} mangler: sæt miljøvariablen {env}."
    ),
    # refusals and errors
    "mail.not_closed": (
        "Mødet i {meeting} er ikke afsluttet (status: {status}); send et udkast med --draft."
    ),
    "mail.draft_of_closed": "Mødet i {meeting} er afsluttet; referatet er ikke et udkast.",
    "mail.retry_and_again": "Vælg enten --retry-failed eller --again.",
    "mail.server_down": "Kan ikke forbinde til SMTP-serveren {host}:{port}: {reason}. Intet er sendt.",
    "mail.no_starttls": (
        "SMTP-serveren {host}:{port} tilbyder ikke STARTTLS; intet er sendt "
        '(security = "starttls" i {file}).'
    ),
    "mail.tls_failed": "TLS-forbindelsen til {host}:{port} mislykkedes: {reason}. Intet er sendt.",
    "mail.login_failed": "SMTP-serveren afviste login for {username}: {reason}. Intet er sendt.",
    "mail.connection_lost": (
        "Forbindelsen til SMTP-serveren blev afbrudt under {name}: {reason}. {count} modtagere "
        "er ikke forsøgt; send igen for at nå dem."
    ),
    "mail.connection_lost.one": (
        "Forbindelsen til SMTP-serveren blev afbrudt under {name}: {reason}. 1 modtager "
        "er ikke forsøgt; send igen for at nå den."
    ),
    # the plan and the outcome
    "mail.action.send": "sendes",
    "mail.action.already_sent": "allerede sendt {at}",
    "mail.action.failed_before": "afvist {at} — brug --retry-failed",
    "mail.action.failed_before_screen": "afvist {at} — tryk r",
    "mail.action.no_address": "ingen e-mailadresse",
    "mail.variant.public": "offentlig",
    "mail.variant.internal": "intern",
    "mail.plan_head": "{subject} — {count} modtagere ({variant}):",
    "mail.plan_head.one": "{subject} — 1 modtager ({variant}):",
    "mail.plan_line": "  {name:<28} {email:<32} {variant:<9} {action}",
    "mail.plan_line_screen": "• {who} · {variant} · {action}",
    "mail.sent": "✔ Sendt til {name} <{email}>",
    "mail.refused": "✘ Afvist: {name} <{email}>: {reason}",
    "mail.failed": "✘ Ukendt om modtaget: {name} <{email}>: {reason}",
    "mail.summary": "{sent} sendt, {refused} afvist, {skipped} sprunget over, {missing} uden adresse.",
    "mail.changed_since": (
        "Referatet er ændret, siden det blev sendt til {names}; send det igen med --again."
    ),
    "mail.retry_hint": "Afviste modtagere sendes igen med --retry-failed.",
    "mail.nobody": "Ingen modtagere at sende til.",
    # command line help
    "cli.help.send": (
        "Send referatet af mødet MØDE som e-mail til hvert medlem med en adresse "
        "(Word-dokumentet vedhæftet)."
    ),
    "cli.opt.send.internal": "Send den interne udgave med lukkede punkter til medlemmerne.",
    "cli.opt.send.draft": "Send et udkast af et møde, der ikke er afsluttet (markeret Udkast).",
    "cli.opt.send.dry_run": "Vis kun, hvem der ville få hvad; intet sendes.",
    "cli.opt.send.as_json": "Skriv JSON til scripts (med --dry-run: planen).",
    "cli.opt.send.retry_failed": (
        "Send også til dem, der blev afvist før (de, der har referatet, springes over)."
    ),
    "cli.opt.send.again": "Send til alle med en adresse, også dem, der har fået referatet.",
    # the closing screen
    "key.closing.send": "Send referat",
    "mail.tui.pick_title": "Send referatet som e-mail",
    "mail.tui.public": "Offentlig udgave til alle med en e-mailadresse",
    "mail.tui.internal": "Intern udgave (med lukkede punkter) til medlemmerne",
    "mail.tui.confirm_title": "Send referatet?",
    "mail.tui.send_question": "Send nu? ({send} sender, {cancel} fortryder)",
    "mail.tui.sending": "Sender referatet …",
    "mail.tui.done": "Referatet er sendt: {summary}",
    "mail.tui.failed": "Referatet blev ikke sendt til alle: {problem}",
    "mail.tui.retry_hint": "Tryk {retry} for at sende igen til de afviste.",
    "key.send.send": "Send referat",
    "key.send.retry": "Send igen til afviste",
    "key.send.cancel": "Annullér",
    "tui.scope.send": "Send referatet",
}

EN: dict[str, str] = {
    "mail.subject": "Referat: {body} {date}",
    "mail.subject_draft": "Draft – {subject}",
    "mail.when": "{weekday} {date} at {time}",
    "mail.greeting": "Dear {name}",
    "mail.intro": "Here are the minutes of the meeting of {body} {when}.",
    "mail.draft_note": "This is a draft: the meeting is not closed yet and the minutes may change.",
    "mail.public_note": "This is the public version; closed items read only 'Closed item'.",
    "mail.internal_note": "This is the internal version with the closed items; do not pass it on.",
    "mail.attachment_note": "The minutes are attached as a Word document: {filename}",
    "mail.regards": "Kind regards",
    "mail.config.missing": (
        "{file} has no [smtp] table; give host, port, security, username and sender "
        "(see the README, 'The referat reaches the members')."
    ),
    "mail.config.password_in_file": (
        "{file}: [smtp] must not hold a password; put it in the environment variable {env}."
    ),
    "mail.config.unknown_key": "{file}: [smtp] has an unknown key: {name}.",
    "mail.config.bad_value": "{file}: [smtp] {name} = {value!r} is not valid.",
    "mail.config.login_in_clear": (
        '{file}: [smtp] security = "none" with a username would send the password '
        'unencrypted; use "starttls" or "ssl".'
    ),
    "mail.config.no_password": (
        "The password of the SMTP user {username} is missing: set the environment variable {env}."
    ),
    "mail.not_closed": (
        "The meeting of {meeting} is not closed (status: {status}); send a draft with --draft."
    ),
    "mail.draft_of_closed": "The meeting of {meeting} is closed; its minutes are not a draft.",
    "mail.retry_and_again": "Choose either --retry-failed or --again.",
    "mail.server_down": "Cannot connect to the SMTP server {host}:{port}: {reason}. Nothing was sent.",
    "mail.no_starttls": (
        "The SMTP server {host}:{port} does not offer STARTTLS; nothing was sent "
        '(security = "starttls" in {file}).'
    ),
    "mail.tls_failed": "The TLS connection to {host}:{port} failed: {reason}. Nothing was sent.",
    "mail.login_failed": "The SMTP server refused the login of {username}: {reason}. Nothing was sent.",
    "mail.connection_lost": (
        "The connection to the SMTP server broke while sending to {name}: {reason}. {count} "
        "recipients were not tried; send again to reach them."
    ),
    "mail.connection_lost.one": (
        "The connection to the SMTP server broke while sending to {name}: {reason}. 1 "
        "recipient was not tried; send again to reach them."
    ),
    "mail.action.send": "to send",
    "mail.action.already_sent": "already sent {at}",
    "mail.action.failed_before": "refused {at} — use --retry-failed",
    "mail.action.failed_before_screen": "refused {at} — press r",
    "mail.action.no_address": "no email address",
    "mail.variant.public": "public",
    "mail.variant.internal": "internal",
    "mail.plan_head": "{subject} — {count} recipients ({variant}):",
    "mail.plan_head.one": "{subject} — 1 recipient ({variant}):",
    "mail.plan_line": "  {name:<28} {email:<32} {variant:<9} {action}",
    "mail.plan_line_screen": "• {who} · {variant} · {action}",
    "mail.sent": "✔ Sent to {name} <{email}>",
    "mail.refused": "✘ Refused: {name} <{email}>: {reason}",
    "mail.failed": "✘ Unknown whether received: {name} <{email}>: {reason}",
    "mail.summary": "{sent} sent, {refused} refused, {skipped} skipped, {missing} without an address.",
    "mail.changed_since": (
        "The minutes changed since they were sent to {names}; send them again with --again."
    ),
    "mail.retry_hint": "Refused recipients are sent again with --retry-failed.",
    "mail.nobody": "No recipients to send to.",
    "cli.help.send": (
        "Email the referat of meeting MEETING to every member with an address (the Word "
        "document attached)."
    ),
    "cli.opt.send.internal": "Send the internal version, with closed items, to the members.",
    "cli.opt.send.draft": "Send a draft of a meeting that is not closed (marked Udkast).",
    "cli.opt.send.dry_run": "Only show who would get what; nothing is sent.",
    "cli.opt.send.as_json": "Print JSON for scripts (with --dry-run: the plan).",
    "cli.opt.send.retry_failed": (
        "Send also to those refused before (those who have the referat are skipped)."
    ),
    "cli.opt.send.again": "Send to everyone with an address, also those who have the referat.",
    "key.closing.send": "Send minutes",
    "mail.tui.pick_title": "Email the referat",
    "mail.tui.public": "Public version to everyone with an email address",
    "mail.tui.internal": "Internal version (with closed items) to the members",
    "mail.tui.confirm_title": "Send the referat?",
    "mail.tui.send_question": "Send now? ({send} sends, {cancel} cancels)",
    "mail.tui.sending": "Sending the referat …",
    "mail.tui.done": "The referat was sent: {summary}",
    "mail.tui.failed": "The referat did not reach everyone: {problem}",
    "mail.tui.retry_hint": "Press {retry} to send again to those refused.",
    "key.send.send": "Send minutes",
    "key.send.retry": "Send again to the refused",
    "key.send.cancel": "Cancel",
    "tui.scope.send": "Sending the minutes",
}
