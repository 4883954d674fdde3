from pts_coaching.landing import start_everyone_in_the_workspace


def execute():
	start_everyone_in_the_workspace()
