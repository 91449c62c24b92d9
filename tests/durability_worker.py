"""Records commands forever, printing one line per acknowledged (committed) command.

Run by test_durability.py, which kills it with SIGKILL at random moments, and by the tests and
the benchmark of consistent reads, which read while it writes (an optional third argument
paces it to that many commands per second).
"""

from __future__ import annotations

import sys
import time
from itertools import count

from meetingtui.models import Attendance
from meetingtui.service import MeetingService


def main(db_path: str, meeting_id: int, rate: float = 0.0) -> None:
    svc = MeetingService.open(db_path, meeting_id)
    started = time.monotonic()
    if svc.meeting.status.value == "planned":
        svc.open_meeting()
    items = [i.id for i in svc.meeting.items]
    members = [p.id for p in svc.meeting.participants]
    for n in count():
        if n % 3 == 0:
            member = members[n % len(members)]
            status = Attendance.PRESENT if n % 2 else Attendance.AFBUD
            outcome = svc.set_attendance(member, status)
            check = f"attendance:{member}:{status.value}"
        elif n % 3 == 1:
            item = items[n % len(items)]
            outcome = svc.start_item(item)
            check = f"start:{item}"
        else:
            item = svc.meeting.current_item_id
            text = f"Beslutning nr. {n}"
            outcome = svc.record_decision(item, text, confirm=True)
            check = f"decision:{item}:{text}"
        sys.stdout.write(f"{outcome.seq} {check}\n")  # one write per acknowledgement
        sys.stdout.flush()
        if rate:
            time.sleep(max(0.0, started + (n + 1) / rate - time.monotonic()))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]) if len(sys.argv) > 3 else 0.0)
