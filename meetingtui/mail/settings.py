"""SMTP settings: the `[smtp]` table of the config file; the password only from the environment.

    [smtp]
    host = "smtp.greve.dk"
    port = 587                      # default: 587 starttls, 465 ssl, 25 none
    security = "starttls"           # "starttls" (default), "ssl" or "none"
    username = "udvalgssekretariat"
    sender = "Økonomiudvalgets sekretariat <sekretariat@greve.dk>"
    # cafile = "/etc/ssl/kommune-ca.pem"   # a CA to trust besides the system's
    # timeout = 30                  # seconds

The password is read from MEETINGTUI_SMTP_PASSWORD, never from the file: a config file is
copied, backed up and shown on screens; the environment is not.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr
from pathlib import Path

from meetingtui.errors import InputError
from meetingtui.mail.address import is_email

PASSWORD_ENV = "MEETINGTUI_SMTP_PASSWORD"
SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORT = {"starttls": 587, "ssl": 465, "none": 25}
KNOWN = {"host", "port", "security", "username", "sender", "cafile", "timeout"}


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str
    sender: Address
    username: str = ""
    cafile: str = ""
    timeout: float = 30.0
    source: str = ""

    def password(self) -> str:
        """The password from the environment; refused when a username needs one."""
        value = os.environ.get(PASSWORD_ENV, "")
        if self.username and not value:
            raise InputError("mail.config.no_password", env=PASSWORD_ENV, username=self.username)
        return value


def _sender(value: object, source: str) -> Address:
    name, addr = parseaddr(str(value))
    if not isinstance(value, str) or not is_email(addr):
        raise InputError("mail.config.bad_value", file=source, name="sender", value=value)
    return Address(display_name=name, addr_spec=addr)


def settings_from_table(table: object, source: str) -> SmtpSettings:
    if not isinstance(table, dict):
        raise InputError("mail.config.missing", file=source)
    if "password" in table:
        raise InputError("mail.config.password_in_file", file=source, env=PASSWORD_ENV)
    unknown = sorted(set(table) - KNOWN)
    if unknown:
        raise InputError("mail.config.unknown_key", file=source, name=unknown[0])
    host = table.get("host")
    if not isinstance(host, str) or not host.strip():
        raise InputError("mail.config.bad_value", file=source, name="host", value=host)
    security = table.get("security", "starttls")
    if security not in SECURITY:
        raise InputError("mail.config.bad_value", file=source, name="security", value=security)
    port = table.get("port", DEFAULT_PORT[security])
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise InputError("mail.config.bad_value", file=source, name="port", value=port)
    if "sender" not in table:
        raise InputError("mail.config.bad_value", file=source, name="sender", value="")
    username = table.get("username", "")
    if not isinstance(username, str):
        raise InputError("mail.config.bad_value", file=source, name="username", value=username)
    if username and security == "none":
        # Logging in without TLS sends the password in clear over the network.
        raise InputError("mail.config.login_in_clear", file=source)
    cafile = table.get("cafile", "")
    if not isinstance(cafile, str) or (cafile and not Path(cafile).expanduser().is_file()):
        raise InputError("mail.config.bad_value", file=source, name="cafile", value=cafile)
    timeout = table.get("timeout", 30)
    if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
        raise InputError("mail.config.bad_value", file=source, name="timeout", value=timeout)
    return SmtpSettings(
        host=host.strip(),
        port=port,
        security=security,
        sender=_sender(table.get("sender"), source),
        username=username,
        cafile=str(Path(cafile).expanduser()) if cafile else "",
        timeout=float(timeout),
        source=source,
    )


def load_smtp_settings(path: Path | str | None = None) -> SmtpSettings:
    """The `[smtp]` table of the config file (default: the user config dir's keymap.toml)."""
    from meetingtui.keymap import default_config_path

    config = Path(path) if path is not None else default_config_path()
    source = str(config)
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (FileNotFoundError, IsADirectoryError):
        raise InputError("mail.config.missing", file=source) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError("keymap.bad_toml", file=source, problem=str(exc)) from None
    return settings_from_table(data.get("smtp"), source)
