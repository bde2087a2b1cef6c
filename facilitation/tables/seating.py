"""Who sits where: plain functions on ids, so the rules can be proven with property tests.

Balance: table sizes differ by at most one. Mix: within every role tag, the counts per
table differ by at most one, so no table is all staff while residents are in the room.
"""
from collections import Counter, defaultdict


def plan_assignment(table_ids: list[int], people: list[tuple[int, str | None]],
                    kept: dict[int, int] | None = None) -> dict[int, int]:
    """Seat `people` (participant id, role tag) at `table_ids`; `kept` maps people who stay put.

    Without kept people the deal is cyclic, grouped by role: person i goes to table i mod T, so
    both sizes and every role's counts differ by at most one. Kept people fill tables first; the
    others then go, role by role, to the table with the fewest people, then the fewest of their role.
    """
    if not table_ids:
        return {}
    kept = {pid: tid for pid, tid in (kept or {}).items() if tid in table_ids}
    movers = sorted((p for p in people if p[0] not in kept), key=_role_order(people))
    if not kept:
        return {pid: table_ids[i % len(table_ids)] for i, (pid, _) in enumerate(movers)}
    roles = dict(people)
    size = Counter({tid: 0 for tid in table_ids})
    role_count: dict[int, Counter] = defaultdict(Counter)
    for pid, tid in kept.items():
        size[tid] += 1
        role_count[tid][roles.get(pid)] += 1
    plan = dict(kept)
    order = {tid: i for i, tid in enumerate(table_ids)}
    for pid, role in movers:
        tid = min(table_ids, key=lambda t: (size[t], role_count[t][role], order[t]))
        plan[pid] = tid
        size[tid] += 1
        role_count[tid][role] += 1
    return plan


def _role_order(people):
    """Biggest role group first, so the largest groups spread most evenly; people without a role last."""
    counts = Counter(role for _, role in people)
    return lambda p: (p[1] is None, -counts[p[1]], p[1] or "", p[0])


def plan_rotation(table_ids: list[int], previous: dict[int, int], roles: dict[int, str | None],
                  hosts: dict[int, int], met: dict[int, set[int]] | None = None) -> dict[int, int]:
    """A World Café move: hosts stay; everyone else goes to another table than before.

    `previous` maps participant -> last table, `hosts` table -> host participant, `met` participant
    -> people they sat with. Sizes stay within one of each other whenever that is possible with
    everyone moving (see `rotation_capacities`); within that, each person goes where they meet the
    fewest people again and their role is least present.
    """
    if not table_ids:
        return {}
    met = met or {}
    hosts = {tid: pid for tid, pid in hosts.items() if tid in table_ids}
    plan = {pid: tid for tid, pid in hosts.items()}
    movers = [pid for pid in previous if pid not in plan]
    if len(table_ids) == 1:
        plan.update({pid: table_ids[0] for pid in movers})
        return plan
    order = {tid: i for i, tid in enumerate(table_ids)}
    groups: dict[int, list[int]] = defaultdict(list)
    for pid in movers:
        groups[previous[pid]].append(pid)
    capacity = rotation_capacities(table_ids, set(hosts), {g: len(m) for g, m in groups.items()})
    seated: dict[int, list[int]] = {tid: ([hosts[tid]] if tid in hosts else []) for tid in table_ids}
    # the biggest former table first: it has the fewest places to go
    for group in sorted(groups, key=lambda g: (-len(groups[g]), order.get(g, 0))):
        for pid in sorted(groups[group]):
            tid = _best_table(pid, group, seated, capacity, met, roles, order)
            if tid is None:
                tid = _swap_into(pid, group, seated, capacity, plan, set(hosts.values()), previous)
            plan[pid] = tid
            seated[tid].append(pid)
    return plan


def _best_table(pid: int, former: int, seated: dict[int, list[int]], capacity: dict[int, int],
                met: dict[int, set[int]], roles: dict[int, str | None], order: dict[int, int]) -> int | None:
    """Another table than the mover's former one with a place left, the best by `_cost`; None when all are full."""
    allowed = [t for t in seated if t != former and len(seated[t]) < capacity[t]]
    return min(allowed, key=lambda t: _cost(pid, seated[t], met, roles, order[t])) if allowed else None


def _cost(pid: int, sitting: list[int], met: dict[int, set[int]], roles: dict[int, str | None], position: int):
    """Where a mover goes: where they meet the fewest people again, then where their role is least present,
    then the emptiest table, then the first."""
    again = sum(1 for other in sitting if other in met.get(pid, ()))
    same_role = sum(1 for other in sitting if roles.get(other) == roles.get(pid))
    return (again, same_role, len(sitting), position)


def rotation_capacities(table_ids: list[int], hosted: set[int], leaving: dict[int, int]) -> dict[int, int]:
    """Places per table after a rotation, hosts included.

    Balanced (floor or ceil of N/T, hosted tables taking the larger share) unless the people leaving
    one table cannot fit in all the other tables; then that table gives places to the others.
    """
    total = len(hosted & set(table_ids)) + sum(leaving.values())
    base, extra = divmod(total, len(table_ids))
    by_need = sorted(table_ids, key=lambda t: (t not in hosted, table_ids.index(t)))
    capacity = {tid: base + (1 if i < extra else 0) for i, tid in enumerate(by_need)}
    for group, count in leaving.items():
        if group not in capacity:
            continue
        room_elsewhere = sum(capacity[t] - (1 if t in hosted else 0) for t in table_ids if t != group)
        shortfall = count - room_elsewhere
        others = [t for t in table_ids if t != group]
        i = 0
        while shortfall > 0 and capacity[group] > (1 if group in hosted else 0):
            capacity[group] -= 1
            capacity[others[i % len(others)]] += 1
            shortfall -= 1
            i += 1
    return capacity


def _swap_into(pid, group, seated, capacity, plan, host_ids, previous) -> int:
    """No other table has room: swap with someone seated elsewhere who may take this person's old place."""
    for tid, members in seated.items():
        if tid == group:
            continue
        for other in members:
            if other not in host_ids and previous.get(other) != group and len(seated[group]) < capacity[group]:
                members.remove(other)
                seated[group].append(other)
                plan[other] = group
                return tid
    return group
