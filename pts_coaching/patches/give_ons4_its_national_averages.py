from pts_coaching.install import give_ons4_its_national_averages


def execute():
	give_ons4_its_national_averages()
