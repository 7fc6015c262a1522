# Consults are seen only in the app, scoped to a practice; the admin shows none of them.
