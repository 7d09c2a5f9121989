// One day of activity (activity-days.ts): `day`, a bitset per interaction type of the accounts that
// took part, and the weight between each ordered pair of communities, per type, as parallel lists.
UNWIND $rows AS r
CREATE (d:ActivityDay)
SET d = r
