from phiscan.cli import main

main()
