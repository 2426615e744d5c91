"""`phiscan watch`: keep an inventory of shared drives current and alert on new
sensitive data. daemon.py has the threads, alerts.py the alert rules. Nothing is
imported here so `phiscan status` stays light."""
