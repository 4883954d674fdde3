"""The arithmetic of the app's reports: a pandas DataFrame in, plain numbers and frames out.

One module per report, named as the report is. Each report's Frappe side fetches the columns it needs,
with the user's permissions applied, and puts the results into words; what is counted, compared and
averaged lives here, so that it is read and tested without Frappe.
"""
