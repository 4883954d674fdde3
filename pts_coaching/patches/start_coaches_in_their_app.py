from pts_coaching.landing import start_everyone_where_they_work


def execute():
	start_everyone_where_they_work()
